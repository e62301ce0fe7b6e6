using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Sync.Service.Storage;

/// <summary>
/// The service's database: tables <c>tenants</c>, <c>api_keys</c>, <c>projects</c>, <c>runs</c> and <c>predictions</c>
/// with snake_case columns, the same on SQLite and PostgreSQL. The schema is created and upgraded by the migrations in
/// <c>Storage/Migrations</c>; timestamps are Unix milliseconds so that both databases store them alike.
/// </summary>
internal sealed class SyncDbContext(DbContextOptions<SyncDbContext> options) : DbContext(options)
{
    public DbSet<TenantRow> Tenants => Set<TenantRow>();
    public DbSet<ApiKeyRow> ApiKeys => Set<ApiKeyRow>();
    public DbSet<ProjectRow> Projects => Set<ProjectRow>();
    public DbSet<RunRow> Runs => Set<RunRow>();
    public DbSet<PredictionRow> Predictions => Set<PredictionRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TenantRow>().ToTable("tenants");
        modelBuilder.Entity<ApiKeyRow>().ToTable("api_keys");
        modelBuilder.Entity<ProjectRow>(e =>
        {
            e.ToTable("projects");
            e.HasIndex(p => new { p.TenantId, p.AppId });
        });
        modelBuilder.Entity<RunRow>(e =>
        {
            e.ToTable("runs");
            e.HasIndex(r => new { r.TenantId, r.ProjectId });
        });
        modelBuilder.Entity<PredictionRow>(e =>
        {
            e.ToTable("predictions");
            e.HasIndex(p => new { p.TenantId, p.CreatedAtMs });
            e.HasIndex(p => p.Status);
        });

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName($"ix_{entity.GetTableName()}_{string.Join("_", index.Properties.Select(p => SnakeCase(p.Name)))}");
            }

            entity.FindPrimaryKey()!.SetName($"pk_{entity.GetTableName()}");
        }
    }

    /// <summary><c>TenantId</c> → <c>tenant_id</c>.</summary>
    internal static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
