// natural's typings cover its root module only; importing the root prints dotenv banners, so
// we import the distance submodule directly and declare the one function we use.
declare module 'natural/lib/natural/distance/levenshtein_distance' {
  export function DamerauLevenshteinDistance(
    source: string,
    target: string,
    options?: { restricted?: boolean },
  ): number;
}
