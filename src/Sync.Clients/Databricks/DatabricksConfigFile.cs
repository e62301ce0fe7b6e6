namespace Sync.Clients.Databricks;

/// <summary>
/// The profiles of a Databricks configuration file (INI: <c>[DEFAULT]</c> and named sections of <c>key = value</c>
/// lines, <c>#</c> and <c>;</c> comments). Keys are case-insensitive, profile names case-sensitive as in the CLI.
/// </summary>
internal sealed class DatabricksConfigFile
{
    private readonly Dictionary<string, Dictionary<string, string>> _profiles;

    private DatabricksConfigFile(string path, Dictionary<string, Dictionary<string, string>> profiles)
    {
        Path = path;
        _profiles = profiles;
    }

    public string Path { get; }

    public IReadOnlyCollection<string> ProfileNames => _profiles.Keys;

    public static DatabricksConfigFile Parse(string path, string text)
    {
        var profiles = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                if (line[^1] != ']')
                {
                    throw new DatabricksConfigurationException($"{path}, line {lineNumber}: a section header must end with ']'.");
                }

                var name = line[1..^1].Trim();
                if (!profiles.TryGetValue(name, out current))
                {
                    current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    profiles[name] = current;
                }

                continue;
            }

            var equals = line.IndexOf('=');
            if (equals <= 0 || current is null)
            {
                // Only the line number: the line may hold a token.
                throw new DatabricksConfigurationException(current is null
                    ? $"{path}, line {lineNumber}: a setting before any [profile] section."
                    : $"{path}, line {lineNumber}: expected 'key = value'.");
            }

            current[line[..equals].Trim()] = line[(equals + 1)..].Trim();
        }

        return new DatabricksConfigFile(path, profiles);
    }

    public static DatabricksConfigFile Load(string path)
    {
        try
        {
            return Parse(path, File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatabricksConfigurationException($"Cannot read the Databricks configuration file {path}: {e.Message}");
        }
    }

    public IReadOnlyDictionary<string, string>? Profile(string name) => _profiles.GetValueOrDefault(name);
}
