using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Sync.Cli.Rendering;

/// <summary>The JSON of <c>--output json</c> for projects and runs: camelCase, enums as names, indented, only JSON on standard output.</summary>
internal static class CliJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Write(IAnsiConsole console, object? value) =>
        console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, Options));
}
