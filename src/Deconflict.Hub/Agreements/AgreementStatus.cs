namespace Deconflict.Hub.Agreements;

/// <summary>
/// Agreement lifecycle: proposed → active (accepted) → superseded/ended; proposed → declined (by the counterparty),
/// withdrawn (by the proposer), expired (not accepted in time) or superseded (the pair settled on another agreement).
/// </summary>
public static class AgreementStatus
{
    public const string Proposed = "proposed";
    public const string Active = "active";
    public const string Declined = "declined";
    public const string Superseded = "superseded";
    public const string Ended = "ended";
    public const string Withdrawn = "withdrawn";
    public const string Expired = "expired";
}
