namespace Sync.Api.Backends;

/// <summary>Carries a <see cref="SyncError"/> from inside a backend to the client method, which returns it as a <see cref="Response"/>.</summary>
internal sealed class SyncErrorException(SyncError error) : Exception(error.Message)
{
    public SyncError Error { get; } = error;
}
