using Amazon.Runtime;

namespace Sync.Tests.Support.Pricing;

/// <summary>Test helpers around a <see cref="PriceListEmulator"/>: the real data's path and emulator credentials.</summary>
public static class PriceListFixture
{
    /// <summary>The emulator's access key id.</summary>
    public const string AccessKeyId = "AKIAPRICINGEMULATOR1";

    /// <summary>The emulator's secret key (fake; tests check it never appears in output).</summary>
    public const string SecretKey = "pricingEmulatorSecretKey/DoNotPrint0123456";

    /// <summary>Credentials the emulator accepts.</summary>
    public static AWSCredentials Credentials => new BasicAWSCredentials(AccessKeyId, SecretKey);

    /// <summary>Starts an emulator over the real price data in <c>../shared/data/catalogs</c>.</summary>
    public static PriceListEmulator Start() => new(new PriceListData(Path.Combine(RepoPaths.SharedData, "catalogs")));
}
