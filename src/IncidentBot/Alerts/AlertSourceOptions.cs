namespace IncidentBot.Alerts;

/// <summary><c>Alerts:{source}</c>: one alert source. Without a secret the source is off and its URL answers 404.</summary>
public sealed class AlertSourceOptions
{
    /// <summary>
    /// PagerDuty and Sentry: the signing secret (PagerDuty's webhook subscription secret, Sentry's integration Client
    /// Secret). Grafana: the HMAC secret when the contact point signs, else a shared token. Elsewhere a shared token,
    /// sent as <c>Authorization: Bearer</c>, as the password of basic auth, or as <c>?token=</c>.
    /// </summary>
    public string Secret { get; set; } = "";

    /// <summary>Grafana only: the header carrying the HMAC signature.</summary>
    public string SignatureHeader { get; set; } = "X-Grafana-Alerting-Signature";

    /// <summary>Grafana only: the header carrying the signed timestamp, when the contact point is set to send one.</summary>
    public string TimestampHeader { get; set; } = "";

    public bool Enabled => Secret.Length > 0;
}
