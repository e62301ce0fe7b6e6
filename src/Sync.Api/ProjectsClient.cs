using Sync.Api.Backends;
using Sync.Api.Models;

namespace Sync.Api;

/// <summary>Projects: create, get, list, update, delete. Get one from <see cref="SyncClient.Projects"/>; every method is virtual for mocking.</summary>
public class ProjectsClient
{
    private readonly ISyncBackend _backend;

    internal ProjectsClient(ISyncBackend backend)
    {
        _backend = backend;
    }

    /// <summary>For mocking.</summary>
    protected ProjectsClient()
    {
        _backend = null!;
    }

    /// <summary>Creates a project.</summary>
    /// <param name="options">The project; its name is required.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The project, or an error (<see cref="SyncErrorKind.InvalidInput"/> for a bad value).</returns>
    public virtual Task<Response<Project>> CreateAsync(ProjectCreateOptions options, CancellationToken cancellationToken = default) =>
        Calls.RunAsync(async () =>
        {
            if (options is null)
            {
                throw Calls.Invalid("Project options are required.");
            }

            return Response.FromValue(ModelMapper.ToModel(await _backend.CreateProjectAsync(ModelMapper.ToRequest(options), cancellationToken)));
        }, cancellationToken);

    /// <summary>Gets a project.</summary>
    /// <param name="projectId">The project's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The project, or an error (<see cref="SyncErrorKind.NotFound"/>).</returns>
    public virtual Task<Response<Project>> GetAsync(string projectId, CancellationToken cancellationToken = default) =>
        Calls.RunAsync(async () => Response.FromValue(ModelMapper.ToModel(await _backend.GetProjectAsync(Ids.Check(projectId, "project"), cancellationToken))), cancellationToken);

    /// <summary>Lists projects, oldest first.</summary>
    /// <param name="appId">Only projects of this application id, when given.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The projects, or an error.</returns>
    public virtual Task<Response<IReadOnlyList<Project>>> ListAsync(string? appId = null, CancellationToken cancellationToken = default) =>
        Calls.RunAsync(async () => Response.FromValue<IReadOnlyList<Project>>(
            (await _backend.ListProjectsAsync(appId, cancellationToken)).Select(ModelMapper.ToModel).ToList()), cancellationToken);

    /// <summary>Changes a project; members of <paramref name="options"/> left <see langword="null"/> keep their value.</summary>
    /// <param name="projectId">The project's id.</param>
    /// <param name="options">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changed project, or an error (<see cref="SyncErrorKind.NotFound"/>, <see cref="SyncErrorKind.InvalidInput"/>).</returns>
    public virtual Task<Response<Project>> UpdateAsync(string projectId, ProjectUpdateOptions options, CancellationToken cancellationToken = default) =>
        Calls.RunAsync(async () =>
        {
            if (options is null)
            {
                throw Calls.Invalid("Project update options are required.");
            }

            return Response.FromValue(ModelMapper.ToModel(await _backend.UpdateProjectAsync(Ids.Check(projectId, "project"), ModelMapper.ToRequest(options), cancellationToken)));
        }, cancellationToken);

    /// <summary>Deletes a project and its recorded runs (its predictions stay, detached).</summary>
    /// <param name="projectId">The project's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Success, or an error (<see cref="SyncErrorKind.NotFound"/>).</returns>
    public virtual Task<Response> DeleteAsync(string projectId, CancellationToken cancellationToken = default) =>
        Calls.RunAsync(() => _backend.DeleteProjectAsync(Ids.Check(projectId, "project"), cancellationToken), cancellationToken);
}
