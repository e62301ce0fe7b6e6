using System.Runtime.CompilerServices;

namespace Sync.Api.Tests;

/// <summary>
/// Points this test process's temporary directory (TMPDIR) at a folder of its own before any test runs, so that the
/// archives these tests have the engine unpack never appear among the shared temporary folders that other test
/// assemblies, running at the same time, count.
/// </summary>
internal static class PrivateTempDirectory
{
#pragma warning disable CA2255 // A test assembly's own start-up, not a library's.
    [ModuleInitializer]
    internal static void Use()
#pragma warning restore CA2255
    {
        var directory = Path.Combine(Path.GetTempPath(), "sync-api-tests-tmp", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        Environment.SetEnvironmentVariable("TMPDIR", directory);
    }
}
