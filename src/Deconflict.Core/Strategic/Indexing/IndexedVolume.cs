namespace Deconflict.Core.Strategic.Indexing;

/// <summary>A volume held by the index: its prepared form, its intent's slot and the cells it was entered in.</summary>
internal sealed record IndexedVolume(PreparedVolume Volume, int Intent, long[] Cells);
