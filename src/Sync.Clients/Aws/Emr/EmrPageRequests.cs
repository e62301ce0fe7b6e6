using Sync.Clients.Aws.Emr.Model;

namespace Sync.Clients.Aws.Emr;

/// <summary>Copies of list requests for one page, so that following the <c>Marker</c> leaves the caller's request unchanged.</summary>
internal static class EmrPageRequests
{
    /// <summary>This request for the page at <paramref name="marker"/>.</summary>
    /// <param name="request">The caller's request.</param>
    /// <param name="marker">The page.</param>
    public static ListInstancesInput WithMarker(this ListInstancesInput request, string? marker) => new()
    {
        ClusterId = request.ClusterId,
        InstanceGroupId = request.InstanceGroupId,
        InstanceGroupTypes = request.InstanceGroupTypes,
        InstanceFleetId = request.InstanceFleetId,
        InstanceFleetType = request.InstanceFleetType,
        InstanceStates = request.InstanceStates,
        Marker = marker,
    };

    /// <summary>This request for the page at <paramref name="marker"/>.</summary>
    /// <param name="request">The caller's request.</param>
    /// <param name="marker">The page.</param>
    public static ListStepsInput WithMarker(this ListStepsInput request, string? marker) => new()
    {
        ClusterId = request.ClusterId,
        StepStates = request.StepStates,
        StepIds = request.StepIds,
        Marker = marker,
    };
}
