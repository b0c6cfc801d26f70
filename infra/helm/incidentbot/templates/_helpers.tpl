{{/*
The chart's name, or nameOverride.
*/}}
{{- define "incidentbot.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The full name of the release's objects: fullnameOverride, else release-chart (just the release when it already
contains the chart's name). Kubernetes names are at most 63 characters.
*/}}
{{- define "incidentbot.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
chart-version, for the helm.sh/chart label.
*/}}
{{- define "incidentbot.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every object.
*/}}
{{- define "incidentbot.labels" -}}
helm.sh/chart: {{ include "incidentbot.chart" . }}
{{ include "incidentbot.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Labels that select the pods; they never change over the release's life.
*/}}
{{- define "incidentbot.selectorLabels" -}}
app.kubernetes.io/name: {{ include "incidentbot.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The image reference; the tag defaults to the chart's appVersion.
*/}}
{{- define "incidentbot.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/*
The Secret whose keys become environment variables: secrets.existingSecret, else the release's full name.
*/}}
{{- define "incidentbot.secretName" -}}
{{- .Values.secrets.existingSecret | default (include "incidentbot.fullname" .) }}
{{- end }}

{{/*
Whether the database is SQLite ("true" or ""): postgres is the only other provider.
*/}}
{{- define "incidentbot.sqlite" -}}
{{- if ne (lower .Values.storage.provider) "postgres" }}true{{ end }}
{{- end }}

{{/*
Dashboard:PublicUrl: dashboard.publicUrl, else the first ingress host when the ingress is enabled (https when it has
tls), else empty (the setting is then left to the bot's default).
*/}}
{{- define "incidentbot.publicUrl" -}}
{{- if .Values.dashboard.publicUrl }}
{{- .Values.dashboard.publicUrl }}
{{- else if and .Values.ingress.enabled .Values.ingress.hosts }}
{{- $host := (first .Values.ingress.hosts).host }}
{{- if $host }}
{{- printf "%s://%s/" (ternary "https" "http" (not (empty .Values.ingress.tls))) $host }}
{{- end }}
{{- end }}
{{- end }}
