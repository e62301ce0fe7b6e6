using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Sync.Service.Storage.Migrations;

/// <summary>
/// Schema version 2: a run records how it ended (<c>status</c>, <c>status_message</c>), so that failed runs are kept
/// for the record. Runs recorded under version 1 were all finished runs and become <c>SUCCEEDED</c>.
/// </summary>
[DbContext(typeof(SyncDbContext))]
[Migration("202611260002_RunStatus")]
internal sealed class M0002_RunStatus : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("status", "runs", nullable: false, defaultValue: Contract.RunStatuses.Succeeded);
        migrationBuilder.AddColumn<string>("status_message", "runs", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("status_message", "runs");
        migrationBuilder.DropColumn("status", "runs");
    }
}
