using Sync.Service.Contract;

namespace Sync.Server.Endpoints;

/// <summary>Declares, for the OpenAPI document, the error statuses an endpoint or group answers with the error envelope.</summary>
internal static class ErrorResponses
{
    public static TBuilder WithErrors<TBuilder>(this TBuilder builder, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ErrorEnvelope), ["application/json"]));
        }

        return builder;
    }
}
