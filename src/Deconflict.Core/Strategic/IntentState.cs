namespace Deconflict.Core.Strategic;

/// <summary>
/// States of an operational intent as in ASTM F3548-21. <see cref="Ended"/> is not an API state there
/// (ending deletes the reference) but the hub keeps ended intents for the record, so it is modelled.
/// </summary>
public enum IntentState
{
    /// <summary>Shared with the other parties, not yet flying.</summary>
    Accepted,

    /// <summary>Flying, within its volumes.</summary>
    Activated,

    /// <summary>Temporarily outside its volumes; recoverable.</summary>
    Nonconforming,

    /// <summary>Outside its volumes and unrecoverable; must end.</summary>
    Contingent,

    /// <summary>Finished or withdrawn; never conflicts with anything.</summary>
    Ended,
}
