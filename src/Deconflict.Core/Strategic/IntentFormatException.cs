namespace Deconflict.Core.Strategic;

/// <summary>
/// An intent document is malformed or invalid. <see cref="FeatureIndex"/> is the 0-based feature at fault
/// (-1 for the document itself) and <see cref="Property"/> the member at fault, so callers can point users at it.
/// </summary>
public sealed class IntentFormatException : Exception
{
    public IntentFormatException(int featureIndex, string property, string message)
        : base(message)
    {
        FeatureIndex = featureIndex;
        Property = property;
    }

    public IntentFormatException()
        : this(-1, "", "invalid intent document")
    {
    }

    public IntentFormatException(string message)
        : this(-1, "", message)
    {
    }

    public IntentFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FeatureIndex = -1;
        Property = "";
    }

    public int FeatureIndex { get; }

    public string Property { get; }

    /// <summary>"feature N: property 'x': problem", or "property 'x': problem" for the document.</summary>
    public string Describe() => FeatureIndex >= 0
        ? $"feature {FeatureIndex}: property '{Property}': {Message}"
        : Property.Length > 0 ? $"property '{Property}': {Message}" : Message;
}
