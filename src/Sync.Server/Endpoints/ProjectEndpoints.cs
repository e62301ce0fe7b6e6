using Sync.Server.Auth;
using Sync.Server.Hosting;
using Sync.Server.Wire;
using Sync.Service.Contract;

namespace Sync.Server.Endpoints;

/// <summary>Projects (<c>/v1/projects</c>) and their runs (<c>/v1/projects/{id}/submissions</c>).</summary>
internal static class ProjectEndpoints
{
    public static void MapProjectEndpoints(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/v1/projects").WithTags("projects")
            .WithErrors(400, 401, 404);

        projects.MapPost("/", async (ProjectRequestDto request, HttpContext http, SyncServiceLifetime sync, CancellationToken cancellationToken) =>
                Envelope.Ok(await sync.Service.Projects.CreateAsync(http.TenantId(), request, cancellationToken)))
            .WithName("CreateProject").WithSummary("Create a project.");
        projects.MapGet("/", async (string? app_id, HttpContext http, SyncServiceLifetime sync, CancellationToken cancellationToken) =>
                Envelope.Ok(await sync.Service.Projects.ListAsync(http.TenantId(), app_id, cancellationToken)))
            .WithName("ListProjects").WithSummary("List the projects, optionally only those of one app id.");
        projects.MapGet("/{projectId}", async (string projectId, HttpContext http, SyncServiceLifetime sync, CancellationToken cancellationToken) =>
                Envelope.Ok(await sync.Service.Projects.GetAsync(http.TenantId(), projectId, cancellationToken)))
            .WithName("GetProject").WithSummary("Get a project.");
        projects.MapPut("/{projectId}", async (string projectId, ProjectRequestDto request, HttpContext http, SyncServiceLifetime sync, CancellationToken cancellationToken) =>
                Envelope.Ok(await sync.Service.Projects.UpdateAsync(http.TenantId(), projectId, request, cancellationToken)))
            .WithName("UpdateProject").WithSummary("Update a project: the members given replace the stored ones.");
        projects.MapDelete("/{projectId}", async (string projectId, HttpContext http, SyncServiceLifetime sync, CancellationToken cancellationToken) =>
            {
                await sync.Service.Projects.DeleteAsync(http.TenantId(), projectId, cancellationToken);
                return Envelope.Ok(new DeletedDto(projectId));
            })
            .WithName("DeleteProject").WithSummary("Delete a project and its runs; its predictions stay, without a project.");

        projects.MapPost("/{projectId}/submissions", async (string projectId, SubmissionRequestDto request, HttpContext http, SyncServiceLifetime sync, CancellationToken cancellationToken) =>
                Envelope.Ok(await sync.Service.Runs.CreateAsync(http.TenantId(), projectId, request, cancellationToken)))
            .WithName("CreateSubmission").WithSummary("Record a finished run of the project: cluster report, event log location, code hash.");
        projects.MapGet("/{projectId}/submissions", async (string projectId, HttpContext http, SyncServiceLifetime sync, CancellationToken cancellationToken) =>
                Envelope.Ok(await sync.Service.Runs.ListAsync(http.TenantId(), projectId, cancellationToken)))
            .WithName("ListSubmissions").WithSummary("List the project's runs.");
        app.MapGet("/v1/submissions/{submissionId}", async (string submissionId, HttpContext http, SyncServiceLifetime sync, CancellationToken cancellationToken) =>
                Envelope.Ok(await sync.Service.Runs.GetAsync(http.TenantId(), submissionId, cancellationToken)))
            .WithName("GetSubmission").WithTags("projects").WithSummary("Get a run.")
            .WithErrors(401, 404);
    }
}
