namespace Deconflict.Hub.Tests.Hostile;

/// <summary>One hidden value found where its reader may not see it.</summary>
public sealed record Leak(string Surface, string Caller, SeededObject Object, Marker Marker, string Context)
{
    public override string ToString() => $"{Surface} to {Caller}: {Object} leaked its {Marker} in …{Context}…";
}
