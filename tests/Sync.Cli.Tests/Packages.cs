using System.Text.RegularExpressions;

namespace Sync.Cli.Tests;

/// <summary>Packs the repository's projects with <c>dotnet pack --no-build</c> (the test run built them) and runs programs, failing on a non-zero exit.</summary>
public static partial class Packages
{
    /// <summary>The build configuration the tests were built in, so packing needs no build of its own.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    /// <summary>The one version of every package, read from <c>Directory.Build.props</c>.</summary>
    public static string Version { get; } =
        VersionElement().Match(File.ReadAllText(Path.Combine(CliProcess.RepoRoot, "Directory.Build.props"))).Groups[1].Value;

    /// <summary>Packs <paramref name="project"/> (relative to the repository root) into <paramref name="feed"/>.</summary>
    public static Task<string> PackAsync(string project, string feed) =>
        Run("dotnet", CliProcess.RepoRoot, "pack", project, "-c", Configuration, "--no-build", "-o", feed);

    /// <summary>Runs a program and returns its standard output; fails the test when it exits with an error.</summary>
    public static Task<string> Run(string program, string directory, params string[] args) =>
        Run(program, directory, new Dictionary<string, string>(), args);

    /// <summary>Runs a program with extra environment variables and returns its standard output; fails the test when it exits with an error.</summary>
    public static async Task<string> Run(string program, string directory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var (exitCode, stdout, stderr) = await CliProcess.RunProgramAsync(program, directory, environment, args);
        Assert.True(exitCode == 0, $"{program} {string.Join(' ', args)} failed ({exitCode}): {stdout}\n{stderr}");
        return stdout;
    }

    [GeneratedRegex("<Version>([^<]+)</Version>")]
    private static partial Regex VersionElement();
}
