namespace Sync.Api.Backends;

/// <summary>Runs a client call, turning every failure into a <see cref="Response"/> error so that none escapes as an exception.</summary>
internal static class Calls
{
    public static async Task<Response<T>> RunAsync<T>(Func<Task<Response<T>>> body, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return await body();
        }
        catch (Exception e)
        {
            return Response.FromError<T>(ErrorMapping.FromException(e, cancellationToken));
        }
    }

    public static async Task<Response> RunAsync(Func<Task> body, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await body();
            return Response.Success();
        }
        catch (Exception e)
        {
            return Response.Failure(ErrorMapping.FromException(e, cancellationToken));
        }
    }

    public static SyncErrorException Invalid(string message, string? hint = null) => new(new SyncError(SyncErrorKind.InvalidInput, message, hint));
}
