namespace IncidentBot.Health;

/// <summary>The <c>Metrics</c> section.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// Whether <c>/metrics</c> asks for <c>Api:Token</c> as a bearer token (Prometheus' <c>authorization</c>
    /// setting). Unset: yes when the server listens beyond loopback, no on loopback only.
    /// </summary>
    public bool? RequireToken { get; set; }
}
