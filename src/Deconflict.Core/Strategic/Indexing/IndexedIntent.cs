namespace Deconflict.Core.Strategic.Indexing;

/// <summary>An intent held by the index and the slots of its volumes.</summary>
internal sealed record IndexedIntent(OperationalIntent Intent, int[] Volumes);
