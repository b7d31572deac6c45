using Deconflict.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Deconflict.Hub.Agreements;

/// <summary>
/// A proposal is open for <see cref="HubOptions.ProposalExpiryS"/> after it was made (7 days unless configured);
/// after that it is shown as <c>expired</c> and can no longer be accepted. Expiry is a rule of time, not a write:
/// nothing needs to run for a proposal to expire.
/// </summary>
public sealed class ProposalExpiry(IOptions<HubOptions> options)
{
    public TimeSpan Lifetime { get; } = TimeSpan.FromSeconds(options?.Value.ProposalExpiryS ?? new HubOptions().ProposalExpiryS);

    /// <summary>When an open proposal stops being acceptable; null for anything that is not an open proposal.</summary>
    public DateTimeOffset? ExpiresAt(AgreementRecord agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return agreement.Status == AgreementStatus.Proposed ? agreement.CreatedAt + Lifetime : null;
    }

    public bool IsExpired(AgreementRecord agreement, DateTimeOffset now) => ExpiresAt(agreement) is { } at && now >= at;

    /// <summary>The status as of <paramref name="now"/>: a stored open proposal past its time is <c>expired</c>.</summary>
    public string StatusAt(AgreementRecord agreement, DateTimeOffset now) =>
        IsExpired(agreement, now) ? AgreementStatus.Expired : agreement.Status;
}
