namespace Sync.Engine.Tests.Support;

/// <summary>The rows of ../shared/data/ground-truth/cemsbr-phd_notebook/GROUND_TRUTH.csv, by column name (read in place, never copied).</summary>
public static class GroundTruthCsv
{
    public static string Root => Path.Combine(TestPaths.SharedData, "ground-truth", "cemsbr-phd_notebook");

    public static IReadOnlyList<Dictionary<string, string>> Rows => Read(Path.Combine(Root, "GROUND_TRUTH.csv"));

    private static List<Dictionary<string, string>> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = Split(lines[0]);
        return lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => header.Zip(Split(l)).ToDictionary(p => p.First, p => p.Second))
            .ToList();
    }

    /// <summary>Splits a CSV line, keeping commas inside double quotes (application names have them).</summary>
    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
