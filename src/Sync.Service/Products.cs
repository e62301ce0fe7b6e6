namespace Sync.Service;

/// <summary>The products (platforms) predictions are made for: their codes and display names.</summary>
public static class Products
{
    /// <summary>Amazon EMR.</summary>
    public const string AwsEmr = "aws-emr";

    /// <summary>Databricks on AWS.</summary>
    public const string AwsDatabricks = "aws-databricks";

    /// <summary>Every product code, for <c>GET /v1/autotuner/products</c>.</summary>
    public static IReadOnlyList<string> Codes { get; } = [AwsEmr, AwsDatabricks];

    /// <summary>The display name of a product code.</summary>
    /// <param name="code">The product code.</param>
    /// <returns>The name, or the code itself when unknown.</returns>
    public static string NameOf(string code) => code switch
    {
        AwsEmr => "Amazon EMR",
        AwsDatabricks => "Databricks on AWS",
        _ => code,
    };

    internal static string Validate(string? code, string member)
    {
        if (code is not null && Codes.Contains(code))
        {
            return code;
        }

        throw SyncServiceException.Invalid($"{member} '{code}' is not a product code.", $"Use one of: {string.Join(", ", Codes)}.");
    }
}
