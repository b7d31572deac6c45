namespace Deconflict.Core.Surveillance;

/// <summary>What <see cref="LiveTrackStore.Upsert"/> did with a report.</summary>
public enum UpsertResult
{
    /// <summary>A new track entered the live picture.</summary>
    Added,

    /// <summary>An existing track took the report's values.</summary>
    Updated,

    /// <summary>The report is older than the track's current state and was ignored (reports can arrive out of order).</summary>
    Outdated,
}
