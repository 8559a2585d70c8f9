tracebriefSearch.terms("sc",{"scholz":"5,l"});
