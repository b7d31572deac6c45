namespace Deconflict.Hub.Dss;

/// <summary>A request the DSS cannot accept as written (400), naming the field at fault.</summary>
public sealed class DssInputException(string field, string problem) : Exception($"{field}: {problem}")
{
    public string Field { get; } = field;
}
