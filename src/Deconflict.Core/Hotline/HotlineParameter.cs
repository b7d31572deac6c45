namespace Deconflict.Core.Hotline;

/// <summary>One parameter of a template: its snake_case name (the JSON member), type and whether it must be given.</summary>
public sealed record HotlineParameter(string Name, HotlineParameterType Type, bool Required);
