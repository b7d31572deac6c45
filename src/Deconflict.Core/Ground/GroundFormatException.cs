namespace Deconflict.Core.Ground;

/// <summary>A ground object (site, movement, zone) that cannot be read; <see cref="Property"/> names the member at fault.</summary>
public sealed class GroundFormatException : Exception
{
    public GroundFormatException()
        : this("body", "the ground object is invalid")
    {
    }

    public GroundFormatException(string message)
        : this("body", message)
    {
    }

    public GroundFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Property = "body";
    }

    public GroundFormatException(string property, string message)
        : base(message)
    {
        Property = property;
    }

    public string Property { get; }
}
