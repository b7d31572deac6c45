namespace Deconflict.Core.Hotline;

/// <summary>Either a valid <see cref="Message"/> or <see cref="Errors"/> keyed by field path.</summary>
public sealed record HotlineParseResult(HotlineMessage? Message, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Message is not null;
}
