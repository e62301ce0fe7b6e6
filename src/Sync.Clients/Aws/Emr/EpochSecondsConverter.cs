using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync.Clients.Aws.Emr;

/// <summary>
/// Timestamps of the JSON protocol: numbers of seconds since the Unix epoch, possibly fractional (<c>1479413437.342</c>).
/// Reads ISO 8601 text too, which is how the AWS CLI prints them.
/// </summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc/>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            var seconds = reader.GetDecimal();
            return DateTimeOffset.UnixEpoch.AddTicks((long)decimal.Round(seconds * TimeSpan.TicksPerSecond));
        }

        if (reader.TokenType == JsonTokenType.String
            && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        throw new JsonException("A timestamp must be a number of seconds since the epoch or an ISO 8601 text.");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        var ticks = (value - DateTimeOffset.UnixEpoch).Ticks;
        writer.WriteNumberValue(decimal.Round((decimal)ticks / TimeSpan.TicksPerSecond, 3));
    }
}
