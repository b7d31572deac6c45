namespace Deconflict.Hub.Dss;

/// <summary>Settings of the ASTM F3548-21 DSS interface, bound from the <c>F3548</c> configuration section.</summary>
public sealed class F3548Options
{
    /// <summary>The audience a token must name in <c>aud</c> (usually the hub's host name); empty = the DSS is off.</summary>
    public string? Audience { get; set; }

    /// <summary>Files with the token issuer's public keys: PEM (<c>-----BEGIN PUBLIC KEY-----</c> or a certificate) or a JWKS JSON file.</summary>
    public IList<string> PublicKeyFiles { get; } = [];

    /// <summary>Base URL at which USSs reach the hub's own USS endpoints (<c>/uss/v1/...</c>) for hub-owned intents.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Priority a USS's operational intent has in the hub's strategic check (F3548 priorities live in the details, not in the DSS).</summary>
    public int Priority { get; set; }

    /// <summary>Largest accepted outline: every shape must fit within this many metres of its centre.</summary>
    public double MaxRadiusM { get; set; } = 150_000;

    /// <summary>Longest subscription, from its start to its end.</summary>
    public TimeSpan MaxSubscriptionDuration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Clock skew tolerated on <c>exp</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// RSA private key (PEM) with which the hub signs the tokens of its own notifications to USSs (subject
    /// <see cref="HubSubject"/>); empty = notifications are sent without a token.
    /// </summary>
    public string? NotifyKeyFile { get; set; }

    /// <summary>The hub's own client id when it notifies USSs of changes to hub intents.</summary>
    public string HubSubject { get; set; } = "deconflict-hub";

    /// <summary>Delivery attempts of one notification before it is given up (logged).</summary>
    public int NotifyAttempts { get; set; } = 3;

    public bool Enabled => !string.IsNullOrWhiteSpace(Audience);
}
