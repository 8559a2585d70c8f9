tracebriefSearch.terms("br",{"bradshaw":"1"});
