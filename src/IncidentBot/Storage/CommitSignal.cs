using System.Threading.Channels;

namespace IncidentBot.Storage;

/// <summary>
/// Rung by the writer after a commit that stored work to do later; the job runner waits on it. Storage knows nothing
/// of who listens. Many rings before anyone listens collapse into one.
/// </summary>
internal sealed class CommitSignal
{
    private readonly Channel<bool> _bell = Channel.CreateBounded<bool>(1);

    public void Ring() => _bell.Writer.TryWrite(true);

    /// <summary>Completes at the next ring (at once if one came since the last wait).</summary>
    public async Task WaitAsync(CancellationToken cancellationToken) =>
        await _bell.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
}
