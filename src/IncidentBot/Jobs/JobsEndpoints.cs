using IncidentBot.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IncidentBot.Jobs;

/// <summary>
/// <c>/api/jobs</c>: the durable work queue for operators, behind the API token. Lists jobs by state, paged by id, and
/// retries or drops a set-aside job.
/// </summary>
internal static class JobsEndpoints
{
    public const int PageSize = 100;

    public static RouteGroupBuilder MapJobs(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/jobs").AddEndpointFilter<ApiTokenFilter>();
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:long}", GetAsync);
        api.MapPost("/{id:long}/retry", RetryAsync);
        api.MapPost("/{id:long}/drop", DropAsync);
        return api;
    }

    private static async Task<Results<Ok<JobPageJson>, ProblemHttpResult>> ListAsync(
        JobQueries queries, string? state, long? after, int? limit, CancellationToken cancellationToken)
    {
        var filter = state is { Length: > 0 } ? state : "pending";
        if (filter is not ("pending" or "failed" or "set-aside"))
        {
            return TypedResults.Problem(
                $"'{Shorten.ForQuoting(filter)}' is not a job state: use pending, failed or set-aside.",
                statusCode: StatusCodes.Status400BadRequest, title: "Bad query");
        }

        var take = Math.Clamp(limit ?? PageSize, 1, 1000);
        var jobs = await queries.ListAsync(filter, Math.Max(after ?? 0, 0), take, cancellationToken).ConfigureAwait(false);
        var next = jobs.Count == take ? $"/api/jobs?state={filter}&after={jobs[^1].Id}&limit={take}" : null;
        return TypedResults.Ok(new JobPageJson(jobs, next));
    }

    private static async Task<Results<Ok<JobView>, ProblemHttpResult>> GetAsync(long id, JobQueries queries, CancellationToken cancellationToken) =>
        await queries.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } job ? TypedResults.Ok(job) : UnknownJob(id);

    private static async Task<Results<Ok<JobView>, ProblemHttpResult>> RetryAsync(
        long id, JobStore store, JobQueries queries, CancellationToken cancellationToken) =>
        await ChangeAsync(id, store.RetryAsync, queries, "retried", cancellationToken).ConfigureAwait(false);

    private static async Task<Results<Ok<JobView>, ProblemHttpResult>> DropAsync(
        long id, JobStore store, JobQueries queries, CancellationToken cancellationToken) =>
        await ChangeAsync(id, store.DropAsync, queries, "dropped", cancellationToken).ConfigureAwait(false);

    private static async Task<Results<Ok<JobView>, ProblemHttpResult>> ChangeAsync(
        long id, Func<long, CancellationToken, Task<bool>> change, JobQueries queries, string verb, CancellationToken cancellationToken)
    {
        if (await change(id, cancellationToken).ConfigureAwait(false))
        {
            return TypedResults.Ok((await queries.FindAsync(id, cancellationToken).ConfigureAwait(false))!);
        }

        return await queries.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } job
            ? TypedResults.Problem(
                $"Job {id} is {job.State}: only a set-aside job can be {verb}.", statusCode: StatusCodes.Status409Conflict, title: "Not set aside")
            : UnknownJob(id);
    }

    private static ProblemHttpResult UnknownJob(long id) =>
        TypedResults.Problem($"There is no job {id}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown job");
}

/// <summary>A page of jobs, and the address of the next page when there may be one.</summary>
internal sealed record JobPageJson(IReadOnlyList<JobView> Jobs, string? Next);
