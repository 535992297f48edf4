namespace PhotoGallery.Core.Backends.InvokeAi.Graphs;

/// <summary>Validates a request, then picks the builder for the model's base.</summary>
public static class InvokeAiGraphBuilder
{
    public static InvokeAiBatch Build(GenerationRequest request)
    {
        GenerationRequestValidator.Validate(request);
        return request.Model.Base switch
        {
            ModelBases.Sd1 or ModelBases.Sd2 => Sd1GraphBuilder.Build(request),
            ModelBases.Sdxl => SdxlGraphBuilder.Build(request),
            ModelBases.Flux => FluxGraphBuilder.Build(request),
            _ => throw new InvokeAiModelException($"Model base '{request.Model.Base}' is not supported."),
        };
    }
}
