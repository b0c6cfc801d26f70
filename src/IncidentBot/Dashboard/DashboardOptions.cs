using System.ComponentModel.DataAnnotations;

namespace IncidentBot.Dashboard;

/// <summary>The <c>Dashboard</c> section.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>The dashboard's address as people reach it, for links posted in chat rooms.</summary>
    [Required]
    [Url]
    public string PublicUrl { get; set; } = "http://localhost:5080/";

    public string IncidentLink(int number) => PublicUrl.TrimEnd('/') + "/incidents/" + number;

    public string PostmortemLink(int number) => PublicUrl.TrimEnd('/') + $"/api/incidents/{number}/postmortem?format=html";
}
