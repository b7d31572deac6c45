namespace Deconflict.Core.Surveillance;

/// <summary>A report of a batch that was refused: its 0-based index and the messages per field at fault.</summary>
public sealed record ReportRejection(int Index, IReadOnlyDictionary<string, string[]> Errors);
