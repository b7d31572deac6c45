namespace Deconflict.Hub.Agreements;

/// <summary>Agreement lifecycle: proposed → active (accepted) → superseded/ended; proposed → declined.</summary>
public static class AgreementStatus
{
    public const string Proposed = "proposed";
    public const string Active = "active";
    public const string Declined = "declined";
    public const string Superseded = "superseded";
    public const string Ended = "ended";
}
