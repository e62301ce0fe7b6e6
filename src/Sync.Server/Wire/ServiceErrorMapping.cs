using Sync.Service;
using Sync.Service.Contract;

namespace Sync.Server.Wire;

/// <summary>Maps the service's expected failures (<see cref="SyncServiceException"/>) to HTTP statuses and error bodies.</summary>
internal static class ServiceErrorMapping
{
    public static int StatusOf(ServiceErrorKind kind) => kind switch
    {
        ServiceErrorKind.InvalidInput => 400,
        ServiceErrorKind.Authentication => 401,
        ServiceErrorKind.PermissionDenied => 403,
        ServiceErrorKind.NotFound => 404,
        ServiceErrorKind.Conflict => 409,
        ServiceErrorKind.TooLarge => 413,
        _ => 500,
    };

    public static (int Status, ErrorDto Body)? TryDescribe(Exception e) => e is SyncServiceException service
        ? (StatusOf(service.Kind), new ErrorDto { Code = service.Code, Message = service.Message, Detail = service.Hint })
        : null;
}
