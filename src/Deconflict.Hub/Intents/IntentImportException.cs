namespace Deconflict.Hub.Intents;

/// <summary>An import stopped on a bad intent or a refused batch; <see cref="Position"/> is 0-based in the import's list.</summary>
public sealed class IntentImportException(string message, int position, string? intentId, string? fieldName, Exception? inner = null)
    : Exception(message, inner)
{
    public int Position => position;

    public string? IntentId => intentId;

    public string? Field => fieldName;
}
