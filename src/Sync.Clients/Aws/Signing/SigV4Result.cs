namespace Sync.Clients.Aws.Signing;

/// <summary>The steps and the outcome of a <see cref="SigV4Signer"/> signature, kept apart so tests can check each.</summary>
/// <param name="CanonicalRequest">The canonical request.</param>
/// <param name="StringToSign">The string to sign.</param>
/// <param name="Signature">The hex signature.</param>
/// <param name="Authorization">The value of the <c>Authorization</c> header.</param>
internal sealed record SigV4Result(string CanonicalRequest, string StringToSign, string Signature, string Authorization);
