using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace Sync.Cli.Tests;

/// <summary>
/// The library packages (docs/packages.md): each packs from the built project with its README, license expression,
/// description, tags, XML documentation, embedded symbols with embedded sources, the one version of
/// <c>Directory.Build.props</c>, and its project references as package dependencies of that version.
/// </summary>
public class LibraryPackageTests
{
    private static readonly string[] Libraries = ["Sync.Engine", "Sync.Clients", "Sync.Service", "Sync.Api", "Sync.AwsEmr", "Sync.AwsDatabricks"];

    /// <summary>Embedded source (in the portable PDB's custom debug information).</summary>
    private static readonly Guid EmbeddedSource = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    [Fact]
    public async Task EveryLibraryPacksWithReadmeLicenseXmlDocsAndEmbeddedSymbols()
    {
        var feed = Path.Combine(Path.GetTempPath(), "sync-packages-" + Guid.NewGuid().ToString("N"));
        try
        {
            // The server is packed too, to show it is not a package of its own (sync-cli serve hosts it).
            await Task.WhenAll(Libraries.Append("Sync.Server").Select(id => Packages.PackAsync($"src/{id}/{id}.csproj", feed)));

            foreach (var id in Libraries)
            {
                var path = Path.Combine(feed, $"{id}.{Packages.Version}.nupkg");
                Assert.True(File.Exists(path), $"{path} was not packed; the feed holds {string.Join(", ", Directory.GetFiles(feed).Select(Path.GetFileName))}");
                using var package = ZipFile.OpenRead(path);
                var nuspec = XDocument.Load(package.GetEntry($"{id}.nuspec")!.Open()).Root!;
                var ns = nuspec.Name.Namespace;
                var metadata = nuspec.Element(ns + "metadata")!;
                string? Field(string name) => metadata.Element(ns + name)?.Value;

                Assert.Equal(id, Field("id"));
                Assert.Equal(Packages.Version, Field("version"));
                Assert.False(string.IsNullOrWhiteSpace(Field("description")), $"{id}: no description");
                Assert.Contains("spark", Field("tags") ?? "");
                Assert.Equal("Apache-2.0", Field("license"));
                Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")?.Value);
                Assert.Equal("README.md", Field("readme"));
                using (var readme = new StreamReader(package.GetEntry("README.md")!.Open()))
                {
                    Assert.Equal($"# {id}", readme.ReadLine());
                }

                var xmlDocs = package.GetEntry($"lib/net10.0/{id}.xml");
                Assert.True(xmlDocs is not null, $"{id}: no XML documentation in the package");
                using (var docs = xmlDocs.Open())
                {
                    Assert.NotEmpty(XDocument.Load(docs).Descendants("member"));
                }

                Assert.True(EmbeddedSourceFiles(package.GetEntry($"lib/net10.0/{id}.dll")!) > 0, $"{id}: no embedded sources in the assembly's PDB");
                foreach (var dependency in ProjectReferences(id))
                {
                    var declared = metadata.Descendants(ns + "dependency").FirstOrDefault(d => d.Attribute("id")?.Value == dependency);
                    Assert.True(declared is not null, $"{id}: the project reference {dependency} is not a package dependency");
                    Assert.Equal(Packages.Version, declared.Attribute("version")?.Value);
                }
            }

            // Only the library packages: no Sync.Server package.
            Assert.Equal(Libraries.Length, Directory.GetFiles(feed, "*.nupkg").Length);
        }
        finally
        {
            if (Directory.Exists(feed))
            {
                Directory.Delete(feed, recursive: true);
            }
        }
    }

    private static IEnumerable<string> ProjectReferences(string id) =>
        XDocument.Load(Path.Combine(CliProcess.RepoRoot, "src", id, id + ".csproj")).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value));

    private static int EmbeddedSourceFiles(ZipArchiveEntry assembly)
    {
        using var copy = new MemoryStream();
        using (var stream = assembly.Open())
        {
            stream.CopyTo(copy);
        }

        copy.Position = 0;
        using var pe = new PEReader(copy);
        var embedded = pe.ReadDebugDirectory().Single(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        using var pdb = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
        var reader = pdb.GetMetadataReader();
        return reader.CustomDebugInformation.Count(h => reader.GetGuid(reader.GetCustomDebugInformation(h).Kind) == EmbeddedSource);
    }
}
