using FakeInvokeAi;
using PhotoGallery.Core.Common;
using PhotoGallery.Core.Generation;
using PhotoGallery.Core.Generation.Sessions;
using PhotoGallery.Core.Generation.Steps;
using PhotoGallery.Core.Generation.Tracking;
using PhotoGallery.Core.Photos;
using PhotoGallery.Core.Storage;
using PhotoGallery.Tests.Support;
using SixLabors.ImageSharp;

namespace PhotoGallery.Tests.Integration.Generation;

/// <summary>
/// Sessions end to end against the fake InvokeAI over loopback: submit, watch, retrieve into the library, select,
/// continue, complete, abandon, cancel. Run on SQLite and PostgreSQL by the subclasses at the end.
/// </summary>
public abstract class GenerationWorkflowTests(PostgresServer? postgres) : DatabaseTestBase(postgres)
{
    [Fact]
    public async Task Submit_ScratchBatchOfOne_StoresOnePhotoWithItsRecipe()
    {
        await using var h = await GenerationHarness.StartAsync(Database);
        var input = GenerationHarness.Input(prompt: "a lighthouse at dusk, \"oil\" painting");
        input.RandomSeed = false;
        input.Seed = 4294967295;

        var step = await h.Submitter.SubmitAsync(null, input, CancellationToken.None);
        var done = await h.WaitForEndAsync(step);

        Assert.Equal(StepStatus.Completed, done.Status);
        var alternative = Assert.Single(done.Alternatives);
        Assert.Equal(AlternativeStatus.Done, alternative.Status);
        Assert.Equal(4294967295, alternative.Seed);
        var photo = Assert.Single(await h.GeneratedPhotosAsync());
        Assert.Equal(alternative.Id, photo.Id);
        Assert.Equal("a lighthouse at dusk, \"oil\" painting", photo.GenerationPrompt);
        Assert.Equal("blurry", photo.GenerationNegativePrompt);
        Assert.Equal(4294967295, photo.GenerationParameters!.Seed);
        Assert.Equal((256, 256, 20, "dpmpp_3m_k"), (photo.GenerationParameters.Width, photo.GenerationParameters.Height, photo.GenerationParameters.Steps, photo.GenerationParameters.Scheduler));
        Assert.Equal("Stable Diffusion v1.5", photo.ModelName);
        Assert.Equal(step.StepId, photo.GenerationStepId);
        Assert.NotNull(photo.InvokeAiImageName);
        Assert.NotNull(photo.GenerationStartedAt);
        Assert.NotNull(photo.GenerationFinishedAt);
        Assert.Contains("\"app_version\":\"6.13.8\"", photo.InvokeAiMetadata);
        Assert.Equal(RetrievalStatus.Completed, photo.RetrievalStatus);
        Assert.Equal($"photos/generated/sessions/{step.SessionId}/{step.StepId}/variants/{photo.Id}.png", photo.StoredPath);
        Assert.Equal(new[] { photo.PreviewPath!, photo.StoredPath, photo.ThumbnailPath! }.Order(), h.Files());
        // The prompt went to InvokeAI exactly as written (correlation uses ids, never the prompt).
        var body = Assert.Single(h.Fake.State.EnqueueBodies());
        Assert.Equal(input.Prompt, body["batch"]!["graph"]!["nodes"]!["positive_prompt"]!["value"]!.GetValue<string>());
        Assert.Equal(StepSubmitter.Destination(step.StepId), body["batch"]!["destination"]!.GetValue<string>());
        var session = await h.Queries.GetAsync(step.SessionId, CancellationToken.None);
        Assert.Equal("a lighthouse at dusk, \"oil\" painting", session!.Title);
        Assert.Equal(SessionEntryType.Scratch, session.EntryType);
    }

    [Fact]
    public async Task Submit_BatchOfTen_EveryImageStoredOnceWithDistinctSeeds()
    {
        await using var h = await GenerationHarness.StartAsync(Database, new FakeInvokeAiOptions { ItemDurationMs = 20, ProgressSteps = 1 });

        var step = await h.Submitter.SubmitAsync(null, GenerationHarness.Input("sdxl", batchSize: 10), CancellationToken.None);
        var done = await h.WaitForEndAsync(step);

        Assert.All(done.Alternatives, a => Assert.Equal(AlternativeStatus.Done, a.Status));
        Assert.Equal(10, done.Alternatives.Select(a => a.Seed).Distinct().Count());
        var photos = await h.GeneratedPhotosAsync();
        Assert.Equal(10, photos.Count);
        Assert.Equal(10, photos.Select(p => p.InvokeAiImageName).Distinct().Count());
        Assert.Equal(done.Alternatives.Select(a => a.Seed).Order(), photos.Select(p => p.GenerationParameters!.Seed).Order());
        Assert.Equal(30, h.Files().Count);
        Assert.Single(h.Fake.State.EnqueueBodies());
    }

    [Fact]
    public async Task Submit_FromLibraryPhoto_UploadsTheSourceOnceCroppedAndReusesIt()
    {
        await using var h = await GenerationHarness.StartAsync(Database);
        var source = await ImportJpegAsync(h, 900, 600);
        var input = GenerationHarness.Input();
        input.SourcePhotoId = source;
        input.Strength = 0.85;
        (input.Width, input.Height) = (512, 512);   // another ratio than 3:2: centre-cropped, not stretched

        var first = await h.Submitter.SubmitAsync(null, input, CancellationToken.None);
        await h.WaitForEndAsync(first);
        var second = await h.Submitter.SubmitAsync(first.SessionId, input, CancellationToken.None);
        var done = await h.WaitForEndAsync(second);

        Assert.Equal(StepStatus.Completed, done.Status);
        var bodies = h.Fake.State.EnqueueBodies();
        var names = bodies.Select(b => b["batch"]!["graph"]!["nodes"]!["i2l"]!["image"]!["image_name"]!.GetValue<string>()).ToList();
        Assert.Equal(names[0], names[1]);
        Assert.All(bodies, b => Assert.Null(b["batch"]!["graph"]!["nodes"]!["resize_source"]));   // already the step's size
        Assert.Equal(0.15, bodies[0]["batch"]!["graph"]!["nodes"]!["denoise"]!["denoising_start"]!.GetValue<double>(), 3);
        var uploaded = h.Fake.State.Image(names[0])!;
        Assert.Equal((512, 512), (uploaded.Width, uploaded.Height));
        var photos = await h.GeneratedPhotosAsync();
        Assert.All(photos, p => Assert.Equal(source, p.SourcePhotoId));
        var session = await h.Queries.GetAsync(first.SessionId, CancellationToken.None);
        Assert.Equal(SessionEntryType.Photo, session!.EntryType);
        var provenance = await h.Queries.GetProvenanceAsync(source, CancellationToken.None);
        Assert.Equal(first.SessionId, Assert.Single(provenance!.UsedBy).Id);
    }

    [Fact]
    public async Task Submit_SourceLostByInvokeAi_UploadsItAgain()
    {
        await using var h = await GenerationHarness.StartAsync(Database);
        var source = await ImportJpegAsync(h, 600, 600);
        var input = GenerationHarness.Input();
        input.SourcePhotoId = source;
        var first = await h.Submitter.SubmitAsync(null, input, CancellationToken.None);
        await h.WaitForEndAsync(first);
        var firstName = h.Fake.State.EnqueueBodies()[0]["batch"]!["graph"]!["nodes"]!["i2l"]!["image"]!["image_name"]!.GetValue<string>();
        h.Fake.State.RemoveImage(firstName);

        var second = await h.Submitter.SubmitAsync(first.SessionId, input, CancellationToken.None);
        var done = await h.WaitForEndAsync(second);

        Assert.Equal(StepStatus.Completed, done.Status);
        var secondName = h.Fake.State.EnqueueBodies()[1]["batch"]!["graph"]!["nodes"]!["i2l"]!["image"]!["image_name"]!.GetValue<string>();
        Assert.NotEqual(firstName, secondName);
    }

    [Fact]
    public async Task Select_ContinueAlsoFromAnEarlierStep_MakesATreeAndKeepsOneLinkPerStep()
    {
        await using var h = await GenerationHarness.StartAsync(Database);
        var first = await h.Submitter.SubmitAsync(null, GenerationHarness.Input(batchSize: 2), CancellationToken.None);
        var step1 = await h.WaitForEndAsync(first);
        var (a, b) = (step1.Alternatives[0], step1.Alternatives[1]);

        await h.Sessions.SelectAsync(a.Id, CancellationToken.None);
        var continueInput = GenerationHarness.Input(prompt: "the lighthouse in a storm");
        continueInput.SourcePhotoId = a.PhotoId;
        continueInput.ParentAlternativeId = a.Id;
        var second = await h.Submitter.SubmitAsync(first.SessionId, continueInput, CancellationToken.None);
        await h.WaitForEndAsync(second);
        // Back to step 1's other image: a branch.
        await h.Sessions.SelectAsync(b.Id, CancellationToken.None);
        continueInput.SourcePhotoId = b.PhotoId;
        continueInput.ParentAlternativeId = b.Id;
        var third = await h.Submitter.SubmitAsync(first.SessionId, continueInput, CancellationToken.None);
        await h.WaitForEndAsync(third);

        var session = (await h.Queries.GetAsync(first.SessionId, CancellationToken.None))!;
        Assert.Equal([(1, 0), (2, 1), (3, 1)], session.Tree().Select(t => (t.Step.Position, t.Depth)));
        Assert.Equal(first.StepId, session.Step(third.StepId)!.ParentStepId);
        Assert.Equal("1.2", session.LabelOf(session.Step(third.StepId)!.ParentAlternativeId!.Value));
        Assert.Equal(b.Id, session.Step(first.StepId)!.Selected!.Id);
        var selectedFolder = $"photos/generated/sessions/{first.SessionId}/{first.StepId}/selected/";
        Assert.Equal([$"{selectedFolder}{b.Id}.png"], h.Files().Where(f => f.StartsWith(selectedFolder, StringComparison.Ordinal)));
        var photoB = (await h.GeneratedPhotosAsync()).Single(p => p.Id == b.Id);
        Assert.Equal([$"{selectedFolder}{b.Id}.png"], photoB.LinkedPaths);
        Assert.Equal(4, (await h.GeneratedPhotosAsync()).Count);   // a selection is a second name, never a second photo
        Assert.Equal(a.PhotoId, (await h.GeneratedPhotosAsync()).Single(p => p.GenerationStepId == second.StepId).SourcePhotoId);
    }

    [Fact]
    public async Task Complete_WithTrashUnselected_LinksTheChoiceAndTrashesTheRest()
    {
        await using var h = await GenerationHarness.StartAsync(Database);
        var step = await h.Submitter.SubmitAsync(null, GenerationHarness.Input(batchSize: 3), CancellationToken.None);
        var done = await h.WaitForEndAsync(step);
        var chosen = done.Alternatives[1];
        await h.Sessions.SelectAsync(chosen.Id, CancellationToken.None);

        var photoId = await h.Sessions.CompleteAsync(step.SessionId, null, trashUnselected: true, CancellationToken.None);

        Assert.Equal(chosen.Id, photoId);
        var session = (await h.Queries.GetAsync(step.SessionId, CancellationToken.None))!;
        Assert.Equal(SessionStatus.Completed, session.Status);
        Assert.Equal(photoId, session.FinalPhotoId);
        Assert.Contains(h.Files(), f => f.StartsWith("photos/generated/completed/", StringComparison.Ordinal) && f.EndsWith($"/{photoId}.png", StringComparison.Ordinal));
        Assert.Equal(2, session.Latest!.Alternatives.Count(a => a.InTrash));
        Assert.False(session.Latest.Alternatives.Single(a => a.Id == chosen.Id).InTrash);
        await Assert.ThrowsAsync<UserFacingException>(() => h.Submitter.SubmitAsync(step.SessionId, GenerationHarness.Input(), CancellationToken.None));
    }

    [Fact]
    public async Task Complete_NothingSelected_IsRefusedWithAReason()
    {
        await using var h = await GenerationHarness.StartAsync(Database);
        var step = await h.Submitter.SubmitAsync(null, GenerationHarness.Input(), CancellationToken.None);
        await h.WaitForEndAsync(step);

        var error = await Assert.ThrowsAsync<UserFacingException>(() => h.Sessions.CompleteAsync(step.SessionId, null, false, CancellationToken.None));

        Assert.Contains("Select the image", error.Message);
        Assert.Equal(SessionStatus.Active, (await h.Queries.GetAsync(step.SessionId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Abandon_RunningSession_CancelsItsStepAndKeepsWhatArrived()
    {
        await using var h = await GenerationHarness.StartAsync(Database, new FakeInvokeAiOptions { ItemDurationMs = 400, ProgressSteps = 2 });
        var step = await h.Submitter.SubmitAsync(null, GenerationHarness.Input(batchSize: 3), CancellationToken.None);
        await h.WaitForStepAsync(step, s => s.Alternatives.Any(a => a.Status == AlternativeStatus.Done));

        await h.Sessions.AbandonAsync(step.SessionId, CancellationToken.None);
        var done = await h.WaitForEndAsync(step);

        Assert.Equal(SessionStatus.Abandoned, (await h.Queries.GetAsync(step.SessionId, CancellationToken.None))!.Status);
        Assert.Contains(done.Alternatives, a => a.Status == AlternativeStatus.Done);
        Assert.Contains(done.Alternatives, a => a.Status == AlternativeStatus.Canceled);
        Assert.Equal(done.Alternatives.Count(a => a.Status == AlternativeStatus.Done), (await h.GeneratedPhotosAsync()).Count);
    }

    [Fact]
    public async Task Cancel_RunningStep_EveryUnfinishedImageSaysCanceled()
    {
        await using var h = await GenerationHarness.StartAsync(Database, new FakeInvokeAiOptions { ItemDurationMs = 3000, ProgressSteps = 3 });
        var step = await h.Submitter.SubmitAsync(null, GenerationHarness.Input(batchSize: 3), CancellationToken.None);
        await h.WaitForStepAsync(step, s => s.Alternatives.Any(a => a.Status == AlternativeStatus.Running));

        await h.Submitter.CancelAsync(step.StepId, CancellationToken.None);
        var done = await h.WaitForEndAsync(step, 20);

        Assert.Equal(StepStatus.Canceled, done.Status);
        Assert.All(done.Alternatives, a => Assert.Equal(AlternativeStatus.Canceled, a.Status));
        Assert.All(h.Fake.State.Items(_ => true), i => Assert.Equal("canceled", i.Status));
        Assert.Empty(await h.GeneratedPhotosAsync());
    }

    [Fact]
    public async Task Submit_InvalidInput_NothingStoredAndEveryFieldNamed()
    {
        await using var h = await GenerationHarness.StartAsync(Database);
        var input = GenerationHarness.Input(batchSize: 11);
        input.Prompt = " ";
        input.Width = 260;
        input.RandomSeed = false;
        input.Seed = 4294967296;

        var error = await Assert.ThrowsAsync<GenerationValidationException>(() => h.Submitter.SubmitAsync(null, input, CancellationToken.None));

        Assert.Equal([GenerationField.BatchSize, GenerationField.Prompt, GenerationField.Seed, GenerationField.Width], error.Errors.Keys.Order());
        Assert.Equal("Width must be a multiple of 8 for SD 1.x models (try 264).", error.Errors[GenerationField.Width]);
        Assert.Empty(await h.Queries.ListAsync(null, CancellationToken.None));
        Assert.Empty(h.Fake.State.EnqueueBodies());
    }

    [Fact]
    public async Task Submit_FluxWithNegativePrompt_SendsNoNegativePromptAndRecordsNone()
    {
        await using var h = await GenerationHarness.StartAsync(Database);
        var input = GenerationHarness.Input("flux");
        input.NegativePrompt = "blurry";

        var step = await h.Submitter.SubmitAsync(null, input, CancellationToken.None);
        var done = await h.WaitForEndAsync(step);

        Assert.Equal(StepStatus.Completed, done.Status);
        Assert.Null(done.NegativePrompt);
        Assert.Null(h.Fake.State.EnqueueBodies()[0]["batch"]!["graph"]!["nodes"]!["negative_prompt"]);
    }

    [Fact]
    public async Task SameSettings_NewStepWithTheRecipeAndOtherSeeds()
    {
        await using var h = await GenerationHarness.StartAsync(Database);
        var first = await h.Submitter.SubmitAsync(null, GenerationHarness.Input(batchSize: 2), CancellationToken.None);
        var step1 = await h.WaitForEndAsync(first);

        var second = await h.Submitter.SameSettingsAsync(first.StepId, CancellationToken.None);
        var step2 = await h.WaitForEndAsync(second);

        Assert.Equal(first.SessionId, second.SessionId);
        Assert.Equal((step1.Prompt, step1.Parameters.Width, step1.BatchSize), (step2.Prompt, step2.Parameters.Width, step2.BatchSize));
        Assert.Empty(step1.Alternatives.Select(a => a.Seed).Intersect(step2.Alternatives.Select(a => a.Seed)));
    }

    [Fact]
    public async Task Watch_EventsOn_ProgressWithPreviewReachesTheNotifier()
    {
        await using var h = await GenerationHarness.StartAsync(Database, new FakeInvokeAiOptions { ItemDurationMs = 600, ProgressSteps = 3 });
        var progress = new List<LiveProgress>();
        var step = await h.Submitter.SubmitAsync(null, GenerationHarness.Input(), CancellationToken.None);
        using var _ = h.Notifier.Subscribe(step.SessionId, change =>
        {
            if (change is { Kind: GenerationChangeKind.Progress, AlternativeId: { } id } && h.Notifier.Progress(id) is { } p)
                lock (progress) progress.Add(p);
            return Task.CompletedTask;
        });

        var done = await h.WaitForEndAsync(step);

        Assert.Equal(StepStatus.Completed, done.Status);
        lock (progress)
        {
            Assert.Contains(progress, p => p.Percentage is > 0 and < 1 && p.PreviewDataUrl is not null);
        }
    }

    [Fact]
    public async Task Watch_EventsOff_PollingAloneCompletesTheStep()
    {
        await using var h = await GenerationHarness.StartAsync(Database, new FakeInvokeAiOptions { ItemDurationMs = 50, ProgressSteps = 2, Faults = new FakeFaults { SocketsDisabled = true } });

        var step = await h.Submitter.SubmitAsync(null, GenerationHarness.Input(batchSize: 4), CancellationToken.None);
        var done = await h.WaitForEndAsync(step);

        Assert.All(done.Alternatives, a => Assert.Equal(AlternativeStatus.Done, a.Status));
        Assert.Equal(0, h.Fake.Sockets.ConnectedCount);
    }

    [Fact]
    public async Task Watch_InvokeAiUnreachableForAWhile_StepWaitsThenCompletes()
    {
        await using var h = await GenerationHarness.StartAsync(Database, new FakeInvokeAiOptions { ItemDurationMs = 300, ProgressSteps = 1 });
        var step = await h.Submitter.SubmitAsync(null, GenerationHarness.Input(batchSize: 3), CancellationToken.None);
        await h.WaitForStepAsync(step, s => s.Alternatives.Any(a => a.Status == AlternativeStatus.Running));

        h.Fake.State.Faults = new FakeFaults { DropConnectionRate = 1, SocketsDisabled = true };
        h.Fake.Sockets.DropAll();
        var waiting = await h.WaitForStepAsync(step, s => s.WaitingSince is not null);
        h.Fake.State.Faults = new FakeFaults();
        var done = await h.WaitForEndAsync(step);

        Assert.Contains("cannot be reached", waiting.WaitingReason);
        Assert.True(waiting.Status.IsInFlight());
        Assert.Equal(StepStatus.Completed, done.Status);
        Assert.Null(done.WaitingSince);
        Assert.All(done.Alternatives, a => Assert.Equal(AlternativeStatus.Done, a.Status));
    }

    [Fact]
    public async Task Watch_InvokeAiRestartedAndForgotItsQueue_FailsWithReasonAndRunAgainWorks()
    {
        await using var h = await GenerationHarness.StartAsync(Database, new FakeInvokeAiOptions { ItemDurationMs = 5000, ProgressSteps = 1 });
        var step = await h.Submitter.SubmitAsync(null, GenerationHarness.Input(batchSize: 2), CancellationToken.None);
        await h.WaitForStepAsync(step, s => s.Status is StepStatus.Queued or StepStatus.Processing);
        using var http = new HttpClient { BaseAddress = h.Fake.BaseUri };

        (await http.PostAsync("_fake/restart", null)).EnsureSuccessStatusCode();
        var failed = await h.WaitForEndAsync(step);
        h.Fake.State.Options.ItemDurationMs = 30;
        await h.Submitter.RunAgainAsync(step.StepId, CancellationToken.None);
        var done = await h.WaitForStepAsync(step, s => s.Status == StepStatus.Completed);

        Assert.Equal(StepStatus.Failed, failed.Status);
        Assert.All(failed.Alternatives, a => Assert.Contains("no longer knows", a.Error));
        Assert.Equal(2, failed.NotMade);
        Assert.Equal(failed.Alternatives.Select(a => a.Seed), done.Alternatives.Select(a => a.Seed));
        Assert.Equal(2, (await h.GeneratedPhotosAsync()).Count);
        Assert.Equal(2, h.Fake.State.EnqueueBodies().Count);
        Assert.NotEqual(h.Fake.State.EnqueueBodies()[0]["batch"]!["batch_id"]!.GetValue<string>(), h.Fake.State.EnqueueBodies()[1]["batch"]!["batch_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Retrieve_DownloadsFailTwice_ThirdAttemptStoresTheImage()
    {
        await using var h = await GenerationHarness.StartAsync(Database);
        // Each attempt is one GET plus three retries inside the resilience pipeline: 8 errors fail two attempts.
        h.Fake.State.Faults = new FakeFaults { ServerErrorCount = 8, PathContains = "/full" };
        using var jobs = RunRetryJob(h);

        var step = await h.Submitter.SubmitAsync(null, GenerationHarness.Input(), CancellationToken.None);
        var retrying = await h.WaitForStepAsync(step, s => s.Alternatives[0].RetrievalAttempts >= 1);
        var done = await h.WaitForEndAsync(step);

        Assert.Contains("Download attempt 1 of 5 failed", retrying.Alternatives[0].Error);
        Assert.Equal(AlternativeStatus.Done, done.Alternatives[0].Status);
        var photo = Assert.Single(await h.GeneratedPhotosAsync());
        Assert.Equal(3, photo.RetrievalAttempts);
        Assert.Equal(3, h.Files().Count);
    }

    [Fact]
    public async Task Retrieve_FailsEveryAttempt_StepShowsItMissingAndRetryBringsIt()
    {
        await using var h = await GenerationHarness.StartAsync(Database, configure: o => o.RetrievalMaxAttempts = 2);
        h.Fake.State.Faults = new FakeFaults { ServerErrorCount = 8, PathContains = "/full" };
        using var jobs = RunRetryJob(h);
        var step = await h.Submitter.SubmitAsync(null, GenerationHarness.Input(), CancellationToken.None);
        var failed = await h.WaitForEndAsync(step);

        await h.Retriever.RetryAsync(step.StepId, CancellationToken.None);
        var done = await h.WaitForStepAsync(step, s => s.Status == StepStatus.Completed);

        Assert.Equal(StepStatus.Failed, failed.Status);
        Assert.Equal(1, failed.NotRetrieved);
        Assert.Contains("could not be downloaded from InvokeAI (2 attempts)", failed.Alternatives[0].Error);
        Assert.Equal(AlternativeStatus.Done, done.Alternatives[0].Status);
        Assert.Single(await h.GeneratedPhotosAsync());
    }

    [Fact]
    public async Task Retrieve_CorruptImage_RefusedWithReasonAndNothingKept()
    {
        await using var h = await GenerationHarness.StartAsync(Database);
        h.Fake.State.Faults = new FakeFaults { CorruptImageCount = 1 };

        var step = await h.Submitter.SubmitAsync(null, GenerationHarness.Input(batchSize: 2), CancellationToken.None);
        var done = await h.WaitForEndAsync(step);

        var refused = Assert.Single(done.Alternatives, a => a.Status == AlternativeStatus.Failed);
        Assert.Contains("InvokeAI sent an image this app refuses", refused.Error);
        Assert.Contains("damaged", refused.Error);
        Assert.Equal(StepStatus.Completed, done.Status);
        Assert.Single(await h.GeneratedPhotosAsync());
        Assert.Equal(3, h.Files().Count);
        Assert.DoesNotContain(h.Files(), f => f.Contains(refused.Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Purge_AlternativePhoto_ShowsInTrashThenKeepsSeedAfterPurge()
    {
        await using var h = await GenerationHarness.StartAsync(Database);
        var step = await h.Submitter.SubmitAsync(null, GenerationHarness.Input(), CancellationToken.None);
        var done = await h.WaitForEndAsync(step);
        var alternative = done.Alternatives[0];
        await h.Sessions.SelectAsync(alternative.Id, CancellationToken.None);

        await h.Trash.DeleteAsync([alternative.PhotoId!.Value], CancellationToken.None);
        var trashed = (await h.Queries.GetAsync(step.SessionId, CancellationToken.None))!.Latest!.Alternatives[0];
        await h.Trash.PurgeAsync([alternative.PhotoId.Value], CancellationToken.None);
        var purged = (await h.Queries.GetAsync(step.SessionId, CancellationToken.None))!.Latest!.Alternatives[0];

        Assert.True(trashed.InTrash);
        Assert.True(purged.Purged);
        Assert.Equal(alternative.Seed, purged.Seed);
        Assert.Empty(h.Files());   // original, thumbnail, preview and the selected/ link are gone
    }

    [Fact]
    public async Task Sweep_FilesWithoutAPhoto_AreRemovedAndOwnedFilesStay()
    {
        await using var h = await GenerationHarness.StartAsync(Database);
        var step = await h.Submitter.SubmitAsync(null, GenerationHarness.Input(), CancellationToken.None);
        await h.WaitForEndAsync(step);
        var kept = h.Files();
        var orphan = Guid.CreateVersion7();
        foreach (var path in new[] { StoragePaths.GeneratedVariant(step.SessionId, step.StepId, orphan) })
        {
            await h.Store.WriteAtomicallyAsync(path, new MemoryStream([1, 2, 3]), CancellationToken.None);
            await h.Store.WriteAtomicallyAsync(StoragePaths.ThumbnailOf(path), new MemoryStream([1, 2, 3]), CancellationToken.None);
        }

        var removed = await ((GeneratedFileSweep)h.Services.GetService(typeof(GeneratedFileSweep))!).SweepAsync(CancellationToken.None);

        Assert.Equal(2, removed);
        Assert.Equal(kept, h.Files());
    }

    private static async Task<Guid> ImportJpegAsync(GenerationHarness h, int width, int height)
    {
        using var image = ImageCorpus.Photo(width, height);
        var bytes = new MemoryStream();
        await image.SaveAsJpegAsync(bytes);
        bytes.Position = 0;
        var outcome = await h.Importer.ImportAsync(bytes, "harbour.jpg", bytes.Length, CancellationToken.None);
        return outcome.PhotoId!.Value;
    }

    /// <summary>The retrieval retry job's one call, every 200 ms, while the test runs.</summary>
    private static RetryJobLoop RunRetryJob(GenerationHarness h)
    {
        var stop = new RetryJobLoop();
        _ = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await h.Retriever.RetryDueAsync(CancellationToken.None);
                await Task.Delay(200);
            }
        });
        return stop;
    }

    private sealed class RetryJobLoop : IDisposable
    {
        private volatile bool _stopped;

        public bool IsCancellationRequested => _stopped;

        public void Dispose() => _stopped = true;
    }
}

public sealed class SqliteGenerationWorkflowTests() : GenerationWorkflowTests(null);

[Collection(PostgresCollection.Name)]
public sealed class PostgresGenerationWorkflowTests(PostgresServer postgres) : GenerationWorkflowTests(postgres);
