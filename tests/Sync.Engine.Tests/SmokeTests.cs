namespace Sync.Engine.Tests;

public class SmokeTests
{
    [Fact]
    public void EngineAssemblyLoads() => Assert.Equal("Sync.Engine", typeof(Sync.Engine.EngineInfo).Assembly.GetName().Name);
}
