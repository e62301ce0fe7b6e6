namespace Sync.Clients.Aws.Pricing.Model;

/// <summary>One filter of a <c>GetProducts</c> request: products whose attribute <see cref="Field"/> equals <see cref="Value"/>.</summary>
public sealed class PricingFilter
{
    /// <summary>The match type; <c>TERM_MATCH</c> (exact match).</summary>
    public string Type { get; set; } = "TERM_MATCH";

    /// <summary>The product attribute, e.g. <c>regionCode</c> or <c>operatingSystem</c>.</summary>
    public string Field { get; set; } = "";

    /// <summary>The value it must have.</summary>
    public string Value { get; set; } = "";

    /// <summary>A <c>TERM_MATCH</c> filter.</summary>
    /// <param name="field">The attribute.</param>
    /// <param name="value">Its value.</param>
    public static PricingFilter TermMatch(string field, string value) => new() { Field = field, Value = value };
}
