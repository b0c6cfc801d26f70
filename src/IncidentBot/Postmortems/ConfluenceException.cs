using System.Net;

namespace IncidentBot.Postmortems;

/// <summary>Confluence refused a call, or kept failing after the retries.</summary>
#pragma warning disable CA1032 // Only built with a status and Confluence's own message.
internal sealed class ConfluenceException(HttpStatusCode status, string message) : Exception(message)
#pragma warning restore CA1032
{
    public HttpStatusCode Status { get; } = status;
}
