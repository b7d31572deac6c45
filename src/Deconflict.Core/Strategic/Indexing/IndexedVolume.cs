namespace Deconflict.Core.Strategic.Indexing;

/// <summary>A volume held by the index: its prepared form and its intent's slot. Its cells are recomputed when it leaves.</summary>
internal sealed record IndexedVolume(PreparedVolume Volume, int Intent);
