using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Sync.Service.Storage.Migrations;

/// <summary>
/// Schema version 1: tenants, API keys, projects, runs and predictions. Written by hand with provider-neutral
/// operations (column types come from the CLR types), so the same migration builds the SQLite and the PostgreSQL schema.
/// A later version adds a new migration class with a later id; EF applies the missing ones in order at open.
/// </summary>
[DbContext(typeof(SyncDbContext))]
[Migration("202611260001_Initial")]
internal sealed class M0001_Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable("tenants", t => new
        {
            id = t.Column<string>(nullable: false),
            name = t.Column<string>(nullable: false),
            created_at_ms = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_tenants", x => x.id));

        migrationBuilder.CreateTable("api_keys", t => new
        {
            id = t.Column<string>(nullable: false),
            tenant_id = t.Column<string>(nullable: false),
            secret_hash = t.Column<string>(nullable: false),
            salt = t.Column<string>(nullable: false),
            created_at_ms = t.Column<long>(nullable: false),
            revoked_at_ms = t.Column<long>(nullable: true),
        }, constraints: t => t.PrimaryKey("pk_api_keys", x => x.id));

        migrationBuilder.CreateTable("projects", t => new
        {
            id = t.Column<string>(nullable: false),
            tenant_id = t.Column<string>(nullable: false),
            name = t.Column<string>(nullable: false),
            description = t.Column<string>(nullable: true),
            product_code = t.Column<string>(nullable: true),
            app_id = t.Column<string>(nullable: true),
            artifact_url = t.Column<string>(nullable: true),
            preference = t.Column<string>(nullable: false),
            sla_seconds = t.Column<double>(nullable: true),
            cost_ceiling_usd = t.Column<double>(nullable: true),
            created_at_ms = t.Column<long>(nullable: false),
            updated_at_ms = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_projects", x => x.id));
        migrationBuilder.CreateIndex("ix_projects_tenant_id_app_id", "projects", ["tenant_id", "app_id"]);

        migrationBuilder.CreateTable("runs", t => new
        {
            id = t.Column<string>(nullable: false),
            tenant_id = t.Column<string>(nullable: false),
            project_id = t.Column<string>(nullable: false),
            product_code = t.Column<string>(nullable: false),
            cluster_report_json = t.Column<string>(nullable: false),
            event_log_url = t.Column<string>(nullable: true),
            code_hash = t.Column<string>(nullable: true),
            runtime_seconds = t.Column<double>(nullable: true),
            cost_usd = t.Column<double>(nullable: true),
            created_at_ms = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_runs", x => x.id));
        migrationBuilder.CreateIndex("ix_runs_tenant_id_project_id", "runs", ["tenant_id", "project_id"]);

        migrationBuilder.CreateTable("predictions", t => new
        {
            id = t.Column<string>(nullable: false),
            tenant_id = t.Column<string>(nullable: false),
            project_id = t.Column<string>(nullable: true),
            run_id = t.Column<string>(nullable: true),
            product_code = t.Column<string>(nullable: false),
            cluster_report_json = t.Column<string>(nullable: false),
            event_log_url = t.Column<string>(nullable: true),
            upload_path = t.Column<string>(nullable: true),
            preference = t.Column<string>(nullable: false),
            sla_seconds = t.Column<double>(nullable: true),
            code_hash = t.Column<string>(nullable: true),
            warnings_json = t.Column<string>(nullable: true),
            status = t.Column<string>(nullable: false),
            error_code = t.Column<string>(nullable: true),
            error_message = t.Column<string>(nullable: true),
            error_hint = t.Column<string>(nullable: true),
            retryable = t.Column<bool>(nullable: false),
            application_name = t.Column<string>(nullable: true),
            result_json = t.Column<string>(nullable: true),
            attempts = t.Column<int>(nullable: false),
            lease_until_ms = t.Column<long>(nullable: true),
            created_at_ms = t.Column<long>(nullable: false),
            updated_at_ms = t.Column<long>(nullable: false),
            started_at_ms = t.Column<long>(nullable: true),
            finished_at_ms = t.Column<long>(nullable: true),
        }, constraints: t => t.PrimaryKey("pk_predictions", x => x.id));
        migrationBuilder.CreateIndex("ix_predictions_tenant_id_created_at_ms", "predictions", ["tenant_id", "created_at_ms"]);
        migrationBuilder.CreateIndex("ix_predictions_status", "predictions", "status");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "predictions", "runs", "projects", "api_keys", "tenants" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
