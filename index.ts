// Package root: the Pulumi resource classes. The CA clients live under `pulumi-nicsrs/sdk`.
export {};
