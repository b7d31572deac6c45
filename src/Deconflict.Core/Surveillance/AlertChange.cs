namespace Deconflict.Core.Surveillance;

/// <summary>An alert episode was raised, changed level or cleared in a cycle.</summary>
public readonly record struct AlertChange(AlertChangeKind Kind, AlertEpisode Episode, AlertLevel PreviousLevel);
