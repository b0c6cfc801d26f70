namespace IncidentBot.Jobs;

/// <summary>A job's lease passed to another instance while this one ran it: this run stops and records nothing more.</summary>
internal sealed class JobLostException(long id) : Exception($"Job {id} was taken over by another instance.");
